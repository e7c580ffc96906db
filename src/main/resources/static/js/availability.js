// The availability grid: click or drag across cells to tick or untick them. The checkboxes are the
// form, so the page works without this script; it only adds painting with the pointer.
(function () {
  'use strict';
  function init() {
    var grid = document.getElementById('availability-grid');
    if (!grid) {
      return;
    }
    var painting = false;
    var value = true;
    function boxOf(target) {
      var cell = target.closest ? target.closest('td.availability-cell') : null;
      return cell ? cell.querySelector('input[type=checkbox]') : null;
    }
    function set(box, checked) {
      box.checked = checked;
      box.closest('td').classList.toggle('is-available', checked);
    }
    grid.addEventListener('pointerdown', function (event) {
      var box = boxOf(event.target);
      if (!box || event.button !== 0) {
        return;
      }
      event.preventDefault();
      painting = true;
      value = !box.checked;
      set(box, value);
    });
    grid.addEventListener('pointerover', function (event) {
      if (!painting) {
        return;
      }
      var box = boxOf(event.target);
      if (box) {
        set(box, value);
      }
    });
    document.addEventListener('pointerup', function () {
      painting = false;
    });
    // Keyboard and assistive technology change the checkbox itself; keep the colour in step.
    grid.addEventListener('change', function (event) {
      if (event.target.matches('input[type=checkbox]')) {
        event.target.closest('td').classList.toggle('is-available', event.target.checked);
      }
    });
    // A click on the checkbox after pointerdown already toggled it would toggle it back.
    grid.addEventListener('click', function (event) {
      if (event.target.matches('input[type=checkbox]') && event.detail > 0) {
        event.preventDefault();
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  }
  else {
    init();
  }
})();

// The support chat: after htmx added her message and the answer, empty the field and show the newest message.
document.addEventListener('htmx:afterRequest', function (event) {
  var form = event.target;
  if (form && form.id === 'chat-form' && event.detail.successful) {
    form.reset();
    var list = document.getElementById('chat-messages');
    if (list && list.lastElementChild) {
      list.lastElementChild.scrollIntoView({ block: 'nearest' });
    }
    var field = document.getElementById('message');
    if (field) {
      field.focus();
    }
  }
});

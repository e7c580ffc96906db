package org.mentorhub.platform;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Turns the binding problems of a page's {@code *Form} record (text where a number belongs, ...)
 * into an {@link InvalidInputException} whose messages come from {@code messages.properties}
 * ({@code typeMismatch.<form>.<field>}), so the page shows them beside the field with a 400, like
 * every other bad input.
 */
@Component
public class FormBinding {

	private final MessageSource messages;

	FormBinding(MessageSource messages) {
		this.messages = messages;
	}

	/** Fails with the form's field problems, if it has any. */
	public void requireValid(BindingResult binding) {
		if (binding == null || !binding.hasFieldErrors()) {
			return;
		}
		List<InvalidInputException.FieldProblem> problems = binding.getFieldErrors()
			.stream()
			.map(error -> new InvalidInputException.FieldProblem(error.getField(),
					this.messages.getMessage(error, LocaleContextHolder.getLocale())))
			.toList();
		throw new InvalidInputException(problems);
	}

}

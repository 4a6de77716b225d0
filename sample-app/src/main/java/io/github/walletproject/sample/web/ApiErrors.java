package io.github.walletproject.sample.web;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.NoProjectBoundException;
import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.WalletException;
import io.github.walletproject.sample.web.Views.ErrorView;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the starter's exceptions into JSON errors the page can show: a malformed or unknown
 * project is the caller's mistake (400), a project the credentials may not use is 403,
 * nothing bound is 409, and a failure of the Wallet API itself is 502.
 */
@RestControllerAdvice
class ApiErrors {

	@ExceptionHandler(WalletException.class)
	ResponseEntity<ErrorView> walletException(WalletException ex) {
		return ResponseEntity.status(status(ex)).body(ErrorView.of(ex));
	}

	static HttpStatus status(WalletException ex) {
		if (ex instanceof InvalidProjectException) {
			return HttpStatus.BAD_REQUEST;
		}
		if (ex instanceof ProjectAccessDeniedException) {
			return HttpStatus.FORBIDDEN;
		}
		if (ex instanceof NoProjectBoundException) {
			return HttpStatus.CONFLICT;
		}
		return HttpStatus.BAD_GATEWAY; // the Wallet API failed, answered badly, or could not be reached
	}

}

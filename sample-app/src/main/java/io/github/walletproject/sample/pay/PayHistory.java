package io.github.walletproject.sample.pay;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import io.github.walletproject.sample.pay.PayViews.PayStep;
import io.github.walletproject.sample.pay.PayViews.TransactionView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * The transaction a browser session's pay card follows, and what happened to it, kept in the
 * HTTP session so that a reload shows it again. A new transaction (created, or read by another
 * key) starts a new history; failed actions are kept in it too, so the card shows them.
 */
final class PayHistory implements Serializable {

	private static final long serialVersionUID = 1L;

	/** Session attribute holding the history. */
	static final String SESSION_ATTRIBUTE = PayHistory.class.getName();

	/** The most steps kept: the oldest are dropped beyond it. */
	static final int MAX_STEPS = 20;

	private final List<PayStep> steps = new ArrayList<>();

	private @Nullable TransactionView transaction;

	/**
	 * The session's history.
	 * @param request the request
	 * @param create whether to start one (and a session) when there is none
	 * @return the history, or {@code null} when there is none and {@code create} is false
	 */
	static @Nullable PayHistory of(HttpServletRequest request, boolean create) {
		HttpSession session = request.getSession(create);
		if (session == null) {
			return null;
		}
		synchronized (PayHistory.class) {
			PayHistory history = (PayHistory) session.getAttribute(SESSION_ATTRIBUTE);
			if (history == null && create) {
				history = new PayHistory();
				session.setAttribute(SESSION_ATTRIBUTE, history);
			}
			return history;
		}
	}

	/**
	 * The key of the transaction followed, if any.
	 * @return the key, or {@code null}
	 */
	synchronized @Nullable String key() {
		return (this.transaction != null) ? this.transaction.key() : null;
	}

	/**
	 * Record a step: one that read another transaction than the one followed starts a new
	 * history with it; a failed step keeps the transaction as last read.
	 * @param step the step
	 */
	synchronized void record(PayStep step) {
		TransactionView after = step.transaction();
		if (after != null) {
			if (this.transaction == null || !this.transaction.key().equals(after.key())) {
				this.steps.clear();
			}
			this.transaction = after;
		}
		this.steps.add(step);
		if (this.steps.size() > MAX_STEPS) {
			this.steps.remove(0);
		}
	}

	synchronized @Nullable TransactionView transaction() {
		return this.transaction;
	}

	synchronized List<PayStep> steps() {
		return List.copyOf(this.steps);
	}

}

package io.github.walletproject.money;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.walletproject.WalletRequestAttributes;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.invoker.HttpRequestValues;

/**
 * Sets the request attributes of the calls of this package's HTTP interfaces: the operation's
 * name (for {@link MoneyExchangeAdapter}), {@link WalletRequestAttributes#ACCOUNT_LEVEL} for
 * {@link AccountLevel} calls, and {@link WalletRequestAttributes#PROJECT} from the path for
 * {@link ProjectInPath} calls. Calls of other interfaces are left alone.
 */
final class MoneyRequestValuesProcessor implements HttpRequestValues.Processor {

	/** Request attribute naming the operation, such as {@code WalletTransactions.create}. */
	static final String OPERATION_ATTRIBUTE = MoneyRequestValuesProcessor.class.getName() + ".operation";

	private final Map<Method, Plan> plans = new ConcurrentHashMap<>();

	@Override
	public void process(Method method, MethodParameter[] parameters, @Nullable Object[] arguments,
			HttpRequestValues.Builder builder) {
		Class<?> type = method.getDeclaringClass();
		if (!MoneyServices.isMoneyType(type)) {
			return;
		}
		Plan plan = this.plans.computeIfAbsent(method, key -> Plan.of(key, parameters));
		builder.addAttribute(OPERATION_ATTRIBUTE, plan.operation());
		if (plan.accountLevel()) {
			builder.addAttribute(WalletRequestAttributes.ACCOUNT_LEVEL, Boolean.TRUE);
		}
		if (plan.projectArgument() >= 0) {
			Object project = (arguments != null) ? arguments[plan.projectArgument()] : null;
			if (project == null) {
				throw new IllegalArgumentException(plan.operation() + " needs a project id");
			}
			builder.addAttribute(WalletRequestAttributes.PROJECT, project.toString());
		}
	}

	private record Plan(String operation, boolean accountLevel, int projectArgument) {

		static Plan of(Method method, MethodParameter[] parameters) {
			String operation = method.getDeclaringClass().getSimpleName() + "." + method.getName();
			boolean accountLevel = method.getDeclaringClass().isAnnotationPresent(AccountLevel.class)
					|| method.isAnnotationPresent(AccountLevel.class);
			int projectArgument = -1;
			if (method.isAnnotationPresent(ProjectInPath.class)) {
				for (int i = 0; i < parameters.length; i++) {
					PathVariable variable = AnnotatedElementUtils.findMergedAnnotation(
							parameters[i].getParameter(), PathVariable.class);
					if (variable != null && ProjectInPath.PATH_VARIABLE.equals(variable.value())) {
						projectArgument = i;
					}
				}
				if (projectArgument < 0) {
					throw new IllegalStateException(operation + " is marked @ProjectInPath but has no @PathVariable(\""
							+ ProjectInPath.PATH_VARIABLE + "\")");
				}
			}
			return new Plan(operation, accountLevel, projectArgument);
		}

	}

}

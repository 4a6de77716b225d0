package io.github.walletproject.routing;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.walletproject.WalletProject;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Registers, for each bean (or HTTP interface) that uses {@code @WalletProject} with a SpEL
 * template, reflection hints for the argument types of the methods it routes: SpEL reads
 * {@code #payment.project} from the argument by reflection, which a native image allows only
 * for registered types. Registered in {@code META-INF/spring/aot.factories}.
 */
final class WalletProjectAotProcessor implements BeanRegistrationAotProcessor {

	private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		Class<?> beanClass = ClassUtils.getUserClass(registeredBean.getBeanClass());
		if (!WalletProjectResolver.mentionsWalletProject(beanClass)) {
			return null;
		}
		Set<Type> argumentTypes = templateArgumentTypes(beanClass);
		if (argumentTypes.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> {
			ReflectionHints reflection = generationContext.getRuntimeHints().reflection();
			this.bindings.registerReflectionHints(reflection, argumentTypes.toArray(Type[]::new));
			for (Type type : argumentTypes) {
				if (type instanceof Class<?> argument && !argument.isPrimitive() && !argument.isArray()) {
					// methods called in templates, such as #{#order.projectAlias()}
					reflection.registerType(argument, MemberCategory.INVOKE_PUBLIC_METHODS);
				}
			}
		};
	}

	/**
	 * The argument types of every method routed by a template, on the method or its class.
	 * @param beanClass the bean's class or HTTP interface
	 * @return the generic argument types
	 */
	static Set<Type> templateArgumentTypes(Class<?> beanClass) {
		boolean classTemplate = isTemplate(MergedAnnotations.from(beanClass, SearchStrategy.TYPE_HIERARCHY)
			.get(WalletProject.class));
		Set<Type> types = new LinkedHashSet<>();
		ReflectionUtils.doWithMethods(beanClass, method -> {
			MergedAnnotation<WalletProject> own = MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY)
				.get(WalletProject.class);
			if (own.isPresent() ? isTemplate(own) : classTemplate) {
				types.addAll(List.of(method.getGenericParameterTypes()));
			}
		}, WalletProjectAotProcessor::isRoutable);
		types.remove(Object.class);
		return types;
	}

	private static boolean isRoutable(Method method) {
		return !method.isSynthetic() && !method.isBridge() && method.getDeclaringClass() != Object.class;
	}

	/** SpEL, or a placeholder that may resolve to SpEL. */
	private static boolean isTemplate(MergedAnnotation<WalletProject> annotation) {
		if (!annotation.isPresent()) {
			return false;
		}
		String value = annotation.getString("value");
		return value.contains("#{") || value.contains("${");
	}

}

package org.redress.config.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

/**
 * Unwraps Spring Security's filter chain from the {@code HandlerMappingIntrospector} cache filter
 * that Spring Security puts in front of it whenever Spring MVC is present. That filter runs a full
 * Spring MVC handler look-up for every request, so that {@code MvcRequestMatcher} and MVC-derived
 * CORS settings can reuse it; Redress uses neither (its chains match with {@code
 * PathPatternRequestMatcher} and it has no CORS configuration), and the look-up was about 8 % of
 * the request threads' CPU on the engine API ({@code EngineBenchmark}, JFR). Spring Framework 6.2
 * made the introspector unnecessary when all mappings use path patterns (spring-framework#34019).
 *
 * <p>If a later Spring Security version wraps the chain differently, this leaves it as it is (the
 * look-up costs time, nothing else) and says so in the log.
 */
final class IntrospectorCacheFilterRemoval implements BeanFactoryPostProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(IntrospectorCacheFilterRemoval.class);
  private static final String CHAIN = "springSecurityFilterChain";
  private static final String COMPOSITE = "CompositeFilterChainProxy";

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory)
      throws BeansException {
    if (!(beanFactory instanceof BeanDefinitionRegistry registry)
        || !registry.containsBeanDefinition(CHAIN)) {
      return;
    }
    BeanDefinition wrapper = registry.getBeanDefinition(CHAIN);
    String className = wrapper.getBeanClassName();
    if (className == null || !className.endsWith(COMPOSITE)) {
      return; // not wrapped
    }
    BeanDefinition original = wrappedChain(wrapper);
    if (original == null) {
      LOG.info("Spring Security's filter chain is wrapped in an unknown way; left as it is");
      return;
    }
    registry.removeBeanDefinition(CHAIN);
    registry.registerBeanDefinition(CHAIN, original);
  }

  // The wrapper's one constructor argument is the list [cache filter, original chain].
  private static BeanDefinition wrappedChain(BeanDefinition wrapper) {
    if (wrapper.getConstructorArgumentValues().getArgumentCount() != 1) {
      return null;
    }
    ValueHolder argument = wrapper.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
    if (argument == null) {
      argument = wrapper.getConstructorArgumentValues().getGenericArgumentValue(null);
    }
    if (argument == null
        || !(argument.getValue() instanceof List<?> filters)
        || filters.size() != 2
        || !(filters.get(1) instanceof BeanDefinition chain)) {
      return null;
    }
    return chain;
  }
}

package studio.dailies;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Every application context installs its own Vaadin-aware security-context strategy in the static
 * holder, while its method security reads only its own. With several cached test contexts, the
 * static holder would point at the last one started; before each test this puts back the strategy
 * of the test's own context. Runs before Spring Security's @WithUserDetails listener (order 10000).
 */
public class SecurityStrategyTestExecutionListener implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        return 1000;
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        adoptStrategyOf(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        adoptStrategyOf(testContext);
    }

    private static void adoptStrategyOf(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifUnique(SecurityContextHolder::setContextHolderStrategy);
    }
}

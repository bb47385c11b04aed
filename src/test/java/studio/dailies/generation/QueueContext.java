package studio.dailies.generation;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import studio.dailies.DailiesTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application, seeded with the demo show, on a database of its own with a movable clock.
 * Queue tests commit (workers race in real transactions), so they must not share the database that
 * the rolled-back tests of other features read.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DailiesTest
@Import(QueueTestSupport.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:dailies-queue;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE")
@interface QueueContext {
}

package studio.dailies;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.data.repository.Repository;

import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** DESIGN §3 as ArchUnit rules. */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    static final ArchRule VIEWS_DO_NOT_TOUCH_REPOSITORIES = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().areAssignableTo(Repository.class)
            .as("views call services, never repositories");

    static final ArchRule REPOSITORIES_ONLY_FROM_OWN_FEATURE_SERVICES = classes()
            .that().areAssignableTo(Repository.class).and().areInterfaces()
            .should(beUsedOnlyInsideTheirOwnPackage())
            .as("a feature reaches another feature's services or events, never its repositories");

    static final ArchRule FEATURES_HAVE_NO_CYCLES = slices()
            .matching("studio.dailies.(*)..")
            .should().beFreeOfCycles();

    static final ArchRule FEATURES_DEPEND_DOWNWARDS_ONLY = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("studio.dailies..")
            .withOptionalLayers(true)
            .layer("app").definedBy("studio.dailies")
            .layer("inbox").definedBy("studio.dailies.inbox..")
            .layer("review").definedBy("studio.dailies.review..")
            .layer("notes").definedBy("studio.dailies.notes..")
            .layer("production").definedBy("studio.dailies.production..")
            .layer("generation").definedBy("studio.dailies.generation..")
            .layer("foundation").definedBy("studio.dailies.media..", "studio.dailies.live..",
                    "studio.dailies.activity..", "studio.dailies.security..", "studio.dailies.base..")
            .whereLayer("inbox").mayOnlyBeAccessedByLayers("app")
            .whereLayer("review").mayOnlyBeAccessedByLayers("app", "inbox")
            .whereLayer("notes").mayOnlyBeAccessedByLayers("app", "inbox", "review")
            .whereLayer("production").mayOnlyBeAccessedByLayers("app", "inbox", "review", "notes")
            .whereLayer("generation").mayOnlyBeAccessedByLayers("app", "inbox", "review", "notes", "production")
            .whereLayer("foundation").mayOnlyBeAccessedByLayers("app", "inbox", "review", "notes", "production",
                    "generation", "foundation");

    static final ArchRule GENERATION_KNOWS_NO_VAADIN = noClasses()
            .that().resideInAPackage("studio.dailies.generation..")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..");

    /** Components whose npm packages carry a licence check; the production build must pass without a key. */
    static final ArchRule ONLY_FREE_VAADIN_COMPONENTS = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(Stream.of(
                            "charts", "board", "gridpro", "crud", "richtexteditor", "map", "spreadsheet", "dashboard")
                    .map(component -> "com.vaadin.flow.component." + component + "..").toArray(String[]::new))
            .as("only Vaadin's free components are used");

    static final ArchRule SERVICES_KNOW_NO_VIEWS = noClasses()
            .that().resideOutsideOfPackage("..ui..")
            .and().doNotHaveSimpleName("SecurityConfig") // it names the login view, as Vaadin requires
            .should().dependOnClassesThat().resideInAPackage("studio.dailies..ui..")
            .as("services and domain know nothing of views");

    private static ArchCondition<JavaClass> beUsedOnlyInsideTheirOwnPackage() {
        return new ArchCondition<>("be used only by classes of their own feature package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency use : repository.getDirectDependenciesToSelf()) {
                    if (!use.getOriginClass().getPackageName().equals(repository.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(use, use.getDescription()));
                    }
                }
            }
        };
    }
}

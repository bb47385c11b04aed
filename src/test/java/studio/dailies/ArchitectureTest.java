package studio.dailies;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studio.dailies.architecture.fixture.ui.RepositoryTouchingView;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static studio.dailies.ArchitectureRules.FEATURES_DEPEND_DOWNWARDS_ONLY;
import static studio.dailies.ArchitectureRules.FEATURES_HAVE_NO_CYCLES;
import static studio.dailies.ArchitectureRules.GENERATION_KNOWS_NO_VAADIN;
import static studio.dailies.ArchitectureRules.ONLY_FREE_VAADIN_COMPONENTS;
import static studio.dailies.ArchitectureRules.REPOSITORIES_ONLY_FROM_OWN_FEATURE_SERVICES;
import static studio.dailies.ArchitectureRules.SERVICES_KNOW_NO_VIEWS;
import static studio.dailies.ArchitectureRules.VIEWS_DO_NOT_TOUCH_REPOSITORIES;

/** The layout rules of DESIGN §3, checked on the production classes. */
class ArchitectureTest {

    private static JavaClasses application;

    @BeforeAll
    static void importApplication() {
        application = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("studio.dailies");
    }

    @Test
    void viewsCallServicesNeverRepositories() {
        VIEWS_DO_NOT_TOUCH_REPOSITORIES.check(application);
    }

    @Test
    void repositoriesAreReachedOnlyFromTheirOwnFeature() {
        REPOSITORIES_ONLY_FROM_OWN_FEATURE_SERVICES.check(application);
    }

    @Test
    void featuresDependOnlyDownwards() {
        FEATURES_DEPEND_DOWNWARDS_ONLY.check(application);
    }

    @Test
    void featuresHaveNoCycles() {
        FEATURES_HAVE_NO_CYCLES.check(application);
    }

    @Test
    void generationKnowsNothingOfVaadin() {
        GENERATION_KNOWS_NO_VAADIN.check(application);
    }

    @Test
    void servicesKnowNothingOfViews() {
        SERVICES_KNOW_NO_VIEWS.check(application);
    }

    @Test
    void onlyFreeVaadinComponentsAreUsed() {
        ONLY_FREE_VAADIN_COMPONENTS.check(application);
    }

    @Test
    void theViewRuleFailsWhenAViewTouchesARepository() {
        var fixture = new ClassFileImporter().importPackagesOf(RepositoryTouchingView.class);
        assertThatThrownBy(() -> VIEWS_DO_NOT_TOUCH_REPOSITORIES.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("RepositoryTouchingView");
    }
}

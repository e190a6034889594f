package org.redress;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Package edges of ARCHITECTURE.md section 3: features talk through public services and events, the
 * engine knows nothing of appeals, and only its API is visible from outside. Production classes
 * only: tests may reach into what they test.
 */
@AnalyzeClasses(
    packages = "org.redress",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

  private static final String[] FEATURES = {
    "org.redress.suspension..",
    "org.redress.appeal..",
    "org.redress.review..",
    "org.redress.funds..",
    "org.redress.notice..",
    "org.redress.audit..",
  };

  @ArchTest
  static final ArchRule engineShouldNotDependOnFeaturesOrConfig =
      noClasses()
          .that()
          .resideInAPackage("org.redress.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FEATURES)
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("org.redress.config..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule onlyEngineApiShouldBeUsedOutsideEngine =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.redress.engine..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("org.redress.engine..")
                  .and(
                      resideInAnyPackage("org.redress.engine", "org.redress.engine.api..").negate())
                  .as("are engine internals (anything but org.redress.engine and engine.api)"))
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule feelAndScalaShouldStayInEngineExpression =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.redress.engine.expression..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.camunda.feel..", "scala..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule featuresShouldBeFreeOfCycles =
      slices()
          .matching("org.redress.(suspension|appeal|review|funds|notice|audit)..")
          .should()
          .beFreeOfCycles()
          // The staff console's pages (<feature>.console, issue 10) sit on top of several features'
          // services, like a client of them; nothing depends on them, so they close no cycle.
          .ignoreDependency(
              resideInAPackage("org.redress..console.."),
              com.tngtech.archunit.base.DescribedPredicate.alwaysTrue())
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule featureConsolePagesShouldBeLeaves =
      noClasses()
          .that()
          .resideOutsideOfPackages("org.redress.*.console..", "org.redress.*.*.console..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.redress.*.console..", "org.redress.*.*.console..")
          .allowEmptyShould(true);
}

package org.tongjie.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The modules' boundaries, checked on the main code of every runtime module (the app module's class path
 * holds them all; test classes and test-jars are left out). Which packages are a module's public API and
 * which are its internals is written down once, in {@link #MODULES}: a new package fails
 * {@link #everyPackageBelongsToAModule()} until it is put there.
 */
class ArchitectureTest {
    /** A module's packages (exact names, not subpackages): what other modules may use, and what only it may. */
    record Module(String name, List<String> api, List<String> internals) {
        String[] all() {
            return Stream.concat(api.stream(), internals.stream()).toArray(String[]::new);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Module> MODULES = List.of(
            new Module("indexer",
                    List.of("org.tongjie.catalog", "org.tongjie.indexer", "org.tongjie.query", "org.tongjie.search",
                            "org.tongjie.store", "org.tongjie.index"),
                    List.of("org.tongjie.marc", "org.tongjie.dedup", "org.tongjie.text", "org.tongjie.index.lucene",
                            "org.tongjie.store.sqlite", "org.tongjie.store.postgres", "org.tongjie.store.jdbc")),
            new Module("z3950-bridge", List.of("org.tongjie.z3950"), List.of()),
            new Module("harvester",
                    List.of("org.tongjie.harvest", "org.tongjie.harvest.members", "org.tongjie.harvest.oai"), List.of()),
            new Module("ill", List.of("org.tongjie.ill", "org.tongjie.ill.iso18626"), List.of()),
            new Module("live-search", List.of("org.tongjie.live"), List.of()),
            // Hub (the Javalin app) and the ILL routes are what app wires; the protocols' writers, authentication
            // and the problem answers are inside.
            new Module("search-api", List.of("org.tongjie.api", "org.tongjie.api.ill"),
                    List.of("org.tongjie.api.sru", "org.tongjie.api.oai", "org.tongjie.api.xml", "org.tongjie.api.auth",
                            "org.tongjie.api.http")),
            // The top: it uses every module and nothing uses it.
            new Module("app", List.of(), List.of("org.tongjie.app", "org.tongjie.app.demo", "org.tongjie.app.z3950")));

    /** Test-jars (other modules' test helpers) are on this class path too; they are not the hub's code. */
    private static final ImportOption NO_TEST_JARS = location -> !location.contains("-tests.jar");

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(NO_TEST_JARS)
            .importPackages("org.tongjie");

    static Stream<Module> modulesWithInternals() {
        return MODULES.stream().filter(m -> !m.internals().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modulesWithInternals")
    void noModuleUsesAnotherModulesInternals(Module module) {
        noClasses().that().resideOutsideOfPackages(module.all())
                .should().dependOnClassesThat().resideInAnyPackage(module.internals().toArray(String[]::new))
                .because(module + "'s internals are " + module.internals() + "; other modules use " + module.api())
                .check(MAIN);
    }

    @Test
    void everyPackageBelongsToAModule() {
        classes().should().resideInAnyPackage(MODULES.stream().flatMap(m -> Stream.of(m.all())).toArray(String[]::new))
                .because("the module table in ArchitectureTest says which packages are public and which internal")
                .check(MAIN);
    }

    @Test
    void theUnionIndexPackageHoldsOnlyInterfaces() {
        classes().that().resideInAPackage("org.tongjie.index").and().areTopLevelClasses().should().beInterfaces()
                .because("org.tongjie.index is the union index seam; its implementations live in subpackages")
                .check(MAIN);
    }

    @Test
    void onlyTheLuceneImplementationUsesLucene() {
        noClasses().that().resideOutsideOfPackage("org.tongjie.index.lucene..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
                .because("the union index is reached through org.tongjie.index; Lucene is one implementation of it")
                .check(MAIN);
    }

    @Test
    void runtimeModulesHoldNoBenchmarkCode() {
        noClasses().should().resideInAPackage("org.tongjie.bench..")
                .orShould().dependOnClassesThat().resideInAPackage("org.openjdk.jmh..")
                .because("benchmarks live in the bench module and beside the code in src/jmh, never on the hub's class path")
                .check(MAIN);
    }

    @Test
    void neitherTheBenchHarnessNorJmhIsOnTheHubsClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.tongjie.bench.Bench"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.openjdk.jmh.annotations.Benchmark"));
    }

    @Test
    void theZ3950BridgeIsProtocolOnly() {
        Module indexer = MODULES.getFirst();
        noClasses().that().resideInAPackage("org.tongjie.z3950..")
                .should().dependOnClassesThat().resideInAnyPackage(indexer.all())
                .because("the bridge speaks Z39.50; what it serves comes through the app's backend")
                .check(MAIN);
    }

    @Test
    void onlyTheAppUsesTheApp() {
        noClasses().that().resideOutsideOfPackage("org.tongjie.app..")
                .should().dependOnClassesThat().resideInAPackage("org.tongjie.app..")
                .because("app wires everything; nothing below it may reach up")
                .check(MAIN);
    }
}

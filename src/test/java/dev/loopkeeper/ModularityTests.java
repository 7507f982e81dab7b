package dev.loopkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of DESIGN.md hold: no cycles, no reaching into another module's internals. */
class ModularityTests {

    /** The module diagram the README shows, as Spring Modulith's Documenter writes it. */
    static final Path README_DIAGRAM = Path.of("src/docs/modules.puml");

    final ApplicationModules modules = ApplicationModules.of(LoopkeeperApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }

    /** Line by line, in any order: the Documenter does not keep one. How to redraw it: the README's Architecture. */
    @Test
    void theReadmesModuleDiagramIsTheOneTheCodeHas(@TempDir Path folder) throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml();

        assertThat(lines(README_DIAGRAM))
                .as("%s is not the diagram of the modules as they are; redraw it", README_DIAGRAM)
                .isEqualTo(lines(folder.resolve("components.puml")));
    }

    private static Set<String> lines(Path file) throws IOException {
        return new TreeSet<>(Files.readAllLines(file));
    }
}

package dev.loopkeeper;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Loopkeeper: every NPS response becomes a case that a BPMN process drives to its end. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Theme(variant = Lumo.LIGHT)
@Push
public class LoopkeeperApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(LoopkeeperApplication.class, args);
    }
}

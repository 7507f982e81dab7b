package dev.loopkeeper.identity;

import dev.loopkeeper.identity.domain.Employee;
import dev.loopkeeper.identity.domain.Employees;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A small employee directory for the demo: staff that promoters can praise by name. */
@Component
@Profile("demo")
@Order(2)
class DemoEmployees implements ApplicationRunner {

    private final Employees employees;

    DemoEmployees(Employees employees) {
        this.employees = employees;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (employees.count() > 0) {
            return;
        }
        employees.saveAll(List.of(
                new Employee("Jonas Weber", "Jonas", null, "Madrid store", "sam"),
                new Employee("Ana García", "Ana", "Ana Garcia", "Customer hotline", "sam"),
                new Employee("Priya Nair", "Priya", null, "Installation team", "sam"),
                new Employee("Tomasz Kowalski", "Tomasz", "Tom K", "Berlin store", "sam")));
    }
}

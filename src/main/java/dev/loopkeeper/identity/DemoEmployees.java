package dev.loopkeeper.identity;

import dev.loopkeeper.identity.domain.DirectoryEntries;
import dev.loopkeeper.identity.domain.DirectoryEntry;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A small directory for the demo: staff, a store, a team and a process that promoters can praise by name. */
@Component
@Profile("demo")
@Order(2)
class DemoEmployees implements ApplicationRunner {

    private final DirectoryEntries entries;

    DemoEmployees(DirectoryEntries entries) {
        this.entries = entries;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (entries.count() > 0) {
            return;
        }
        entries.saveAll(List.of(
                new DirectoryEntry(EntryKind.EMPLOYEE, "Jonas Weber", "Jonas", "Madrid store", "sam"),
                new DirectoryEntry(EntryKind.EMPLOYEE, "Ana García", "Ana, Ana Garcia", "Customer hotline", "sam"),
                new DirectoryEntry(EntryKind.EMPLOYEE, "Priya Nair", "Priya", "Installation team", "sam"),
                new DirectoryEntry(EntryKind.EMPLOYEE, "Tomasz Kowalski", "Tomasz, Tom K", "Berlin store", "sam"),
                new DirectoryEntry(EntryKind.LOCATION, "Berlin store", "Berlin shop", null, "sam"),
                new DirectoryEntry(EntryKind.TEAM, "Installation team", "installers, the technicians", null, "sam"),
                new DirectoryEntry(EntryKind.PROCESS, "Returns", "returns process, refund process", null, "paula")));
    }
}

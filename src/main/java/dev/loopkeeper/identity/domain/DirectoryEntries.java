package dev.loopkeeper.identity.domain;

import dev.loopkeeper.identity.EntryKind;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DirectoryEntries extends JpaRepository<DirectoryEntry, UUID> {

    List<DirectoryEntry> findAllByOrderByKindAscNameAsc();

    Optional<DirectoryEntry> findByKindAndNameIgnoreCase(EntryKind kind, String name);
}

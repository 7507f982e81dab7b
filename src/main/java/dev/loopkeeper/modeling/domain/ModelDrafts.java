package dev.loopkeeper.modeling.domain;

import dev.loopkeeper.modeling.ModelKind;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ModelDrafts extends JpaRepository<ModelDraft, UUID> {

    List<ModelDraft> findByOwnerOrderByUpdatedAtDesc(String owner);

    Optional<ModelDraft> findByOwnerAndKindAndKey(String owner, ModelKind kind, String key);
}

package dev.loopkeeper.modeling;

import dev.loopkeeper.modeling.domain.ModelDraft;
import dev.loopkeeper.modeling.domain.ModelDrafts;
import dev.loopkeeper.modeling.process.ModelKeys;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Refusal;
import dev.loopkeeper.sharedkernel.Words;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A process owner's drafts: one per model and user, stored in our database so work survives a restart,
 * until it is deployed or discarded. Nobody else sees or changes another user's draft.
 */
@Service
@Transactional
public class Drafts {

    /** Large enough for any model we have (the closed loop is ~50 KB), small enough to refuse junk. */
    static final int MAX_CONTENT = 2_000_000;

    private final ModelDrafts drafts;
    private final ModelLibrary library;
    private final Clock clock;

    Drafts(ModelDrafts drafts, ModelLibrary library, Clock clock) {
        this.drafts = drafts;
        this.library = library;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Draft> mine(Actor actor) {
        return drafts.findByOwnerOrderByUpdatedAtDesc(actor.userId()).stream()
                .map(Drafts::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Draft> find(Actor actor, UUID id) {
        return drafts.findById(id)
                .filter(d -> d.getOwner().equals(actor.userId()))
                .map(Drafts::view);
    }

    /**
     * The actor's draft of the model of this version: the one they have, or a new one with the version's
     * content.
     */
    public Draft open(Actor actor, String definitionId) {
        ModelAccess.requireModeler(actor);
        ModelVersion version = library.version(definitionId)
                .orElseThrow(() -> new IllegalArgumentException("No deployed model " + definitionId));
        return view(drafts.findByOwnerAndKindAndKey(actor.userId(), version.kind(), version.key())
                .orElseGet(() -> drafts.save(new ModelDraft(
                        actor.userId(),
                        version.kind(),
                        version.key(),
                        version.resourceName(),
                        version.definitionId(),
                        version.version(),
                        library.content(version),
                        clock.instant()))));
    }

    /**
     * A draft from a file (say, one drawn in Camunda Modeler): a new version of the model with the file's key,
     * or a new model. Replaces the actor's draft of that model, if there was one.
     */
    public Draft start(Actor actor, String fileName, String content) {
        ModelAccess.requireModeler(actor);
        ModelKind kind = ModelKind.of(fileName)
                .orElseThrow(() -> new Refusal(
                        "Not a model file: " + fileName + " (expected .bpmn, .dmn or .form)",
                        Words.of("modeling.refused.not-a-model-file", fileName)));
        checkSize(content);
        String key = ModelKeys.of(kind, content).orElseGet(() -> fileName.replaceFirst("\\.[^.]*$", ""));
        Optional<ModelVersion> latest = library.model(kind, key).map(Model::latest);
        drafts.findByOwnerAndKindAndKey(actor.userId(), kind, key).ifPresent(old -> {
            drafts.delete(old);
            drafts.flush();
        });
        return view(drafts.save(new ModelDraft(
                actor.userId(),
                kind,
                key,
                latest.map(ModelVersion::resourceName).orElse(fileName),
                latest.map(ModelVersion::definitionId).orElse(null),
                latest.map(ModelVersion::version).orElse(null),
                content,
                clock.instant())));
    }

    /** Replaces the draft's content with what the editor holds now. */
    public Draft save(Actor actor, UUID id, String content) {
        ModelAccess.requireModeler(actor);
        checkSize(content);
        ModelDraft draft = own(actor, id);
        draft.edit(content, clock.instant());
        return view(draft);
    }

    public void discard(Actor actor, UUID id) {
        drafts.delete(own(actor, id));
    }

    private static void checkSize(String content) {
        if (content == null || content.isBlank()) {
            throw new Refusal("A draft cannot be empty", Words.of("modeling.refused.empty-draft"));
        }
        if (content.length() > MAX_CONTENT) {
            throw new Refusal(
                    "A model may have at most " + MAX_CONTENT + " characters",
                    Words.of("modeling.refused.too-long", MAX_CONTENT));
        }
    }

    private ModelDraft own(Actor actor, UUID id) {
        return drafts.findById(id)
                .filter(d -> d.getOwner().equals(actor.userId()))
                .orElseThrow(() -> new IllegalArgumentException("No draft " + id + " of " + actor.userId()));
    }

    static Draft view(ModelDraft d) {
        return new Draft(
                d.getId(),
                d.getOwner(),
                d.getKind(),
                d.getKey(),
                d.getResourceName(),
                d.getBasedOnId(),
                d.getBasedOnVersion(),
                d.getContent(),
                d.getUpdatedAt());
    }
}

package dev.loopkeeper.survey.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SurveyRuns extends JpaRepository<SurveyRun, UUID> {

    List<SurveyRun> findTop50ByOrderByCreatedAtDesc();
}

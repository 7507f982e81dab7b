package dev.loopkeeper.survey.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Wordings extends JpaRepository<Wording, String> {

    @Query("select distinct w.language from Wording w order by w.language")
    List<String> languages();

    @Query("select distinct w.touchpoint from Wording w where w.touchpoint <> '' order by w.touchpoint")
    List<String> touchpoints();
}

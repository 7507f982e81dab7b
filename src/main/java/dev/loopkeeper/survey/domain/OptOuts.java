package dev.loopkeeper.survey.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OptOuts extends JpaRepository<OptOut, String> {

    default boolean isOptedOut(String customerExternalId) {
        return findById(customerExternalId).filter(OptOut::isActive).isPresent();
    }
}

package dev.loopkeeper.intake.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Customers extends JpaRepository<Customer, UUID> {

    Optional<Customer> findByExternalId(String externalId);
}

package dev.loopkeeper.modeling.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DeploymentRecords extends JpaRepository<DeploymentRecord, String> {}

package dev.loopkeeper.identity.domain;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Employees extends JpaRepository<Employee, UUID> {}

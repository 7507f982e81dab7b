package dev.loopkeeper.identity.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StaffAvailabilities extends JpaRepository<StaffAvailability, String> {

    List<StaffAvailability> findByAwayTrue();
}

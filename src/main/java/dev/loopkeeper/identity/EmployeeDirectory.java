package dev.loopkeeper.identity;

import dev.loopkeeper.identity.domain.Employee;
import dev.loopkeeper.identity.domain.Employees;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The staff customers mention by name in their comments. */
@Service
@Transactional(readOnly = true)
public class EmployeeDirectory {

    private final Employees employees;

    EmployeeDirectory(Employees employees) {
        this.employees = employees;
    }

    /**
     * The employees a comment names. A name counts only as a whole word written with a capital letter, as
     * names are written, so "will" or "grace" in a sentence do not praise Will or Grace.
     */
    public List<NamedEmployee> namedIn(String text) {
        List<NamedEmployee> named = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return named;
        }
        for (Employee employee : employees.findAll()) {
            for (String name : employee.names()) {
                if (mentions(text, name)) {
                    named.add(new NamedEmployee(
                            employee.getId(),
                            employee.getFullName(),
                            employee.getLocation(),
                            name,
                            employee.getManagerUserId()));
                    break;
                }
            }
        }
        return named;
    }

    static boolean mentions(String text, String name) {
        if (name.isBlank() || !Character.isUpperCase(name.codePointAt(0))) {
            return false;
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])")
                .matcher(text)
                .find();
    }
}

package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.component.Component;

/** A part of the user's profile dialog that a module adds: settings of its own, saved with the dialog. */
public interface ProfileSection {

    /** A fresh editor of the user's settings of this section, filled with what they chose. */
    Editor editor(String userId);

    interface Editor {

        Component component();

        /** @return false, and shows why, if what was entered cannot be saved; then nothing is saved */
        boolean validate();

        void save();
    }
}

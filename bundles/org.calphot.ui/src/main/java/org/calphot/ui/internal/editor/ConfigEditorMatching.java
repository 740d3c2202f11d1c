// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.editor;

import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorMatchingStrategy;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.PartInitException;

/** One editor per config file, whether it was opened from Observations, the Project Explorer or a marker. */
public final class ConfigEditorMatching implements IEditorMatchingStrategy {

    @Override
    public boolean matches(IEditorReference ref, IEditorInput input) {
        try {
            return PathEditorInput.of(ref.getEditorInput()).equals(PathEditorInput.of(input));
        } catch (PartInitException e) {
            return false;
        }
    }
}

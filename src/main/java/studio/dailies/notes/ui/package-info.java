@NullMarked
package studio.dailies.notes.ui;

import org.jspecify.annotations.NullMarked;

@NullMarked
package studio.dailies.base.ui;

import org.jspecify.annotations.NullMarked;

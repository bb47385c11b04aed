@NullMarked
package studio.dailies.security.ui;

import org.jspecify.annotations.NullMarked;

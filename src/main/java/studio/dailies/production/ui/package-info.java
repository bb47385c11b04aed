@NullMarked
package studio.dailies.production.ui;

import org.jspecify.annotations.NullMarked;

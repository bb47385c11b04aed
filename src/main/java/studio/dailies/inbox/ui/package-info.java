@NullMarked
package studio.dailies.inbox.ui;

import org.jspecify.annotations.NullMarked;

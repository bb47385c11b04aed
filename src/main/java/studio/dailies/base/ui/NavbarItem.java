package studio.dailies.base.ui;

import com.vaadin.flow.component.Component;

/**
 * Something a feature above base puts in the main layout's top bar for a signed-in user, such as the inbox's
 * notification bell. The layout (in base) knows only this interface; the feature implements it as a Spring bean, so
 * no dependency points from base up to the feature.
 */
public interface NavbarItem {

    /** A new component for one layout (one browser tab); it lives as long as that layout. */
    Component create();
}

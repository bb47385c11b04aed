package studio.dailies.review.ui;

import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ui.Badges;
import studio.dailies.base.ui.InPlace;
import studio.dailies.live.Presence;
import studio.dailies.production.ShotDetails;
import studio.dailies.review.ShotReview;

import java.util.List;
import java.util.Locale;

/**
 * The top of the shot page: the shot's code and status, its episode, due date, assignee and format, its
 * base prompt, and who else is looking at it now.
 */
class ShotHeader extends Div {

    final H2 title = new H2();
    final Span status = Badges.of("", "none");
    final Anchor episodeLink = new Anchor();
    final Span facts = new Span();
    final Paragraph basePrompt = new Paragraph();
    final AvatarGroup viewers = new AvatarGroup();
    /** What the header shows now; a live change that leaves the shot as it was touches nothing here. */
    private @Nullable ShotDetails shown;

    ShotHeader() {
        addClassName("shot-header");
        var titleLine = new Div(title, status, viewers);
        titleLine.addClassName("review-header");
        var factsLine = new Div(episodeLink, facts);
        factsLine.addClassName("review-facts");
        basePrompt.addClassName("shot-prompt");
        viewers.addClassName("presence");
        viewers.setMaxItemsVisible(6);
        add(titleLine, factsLine, basePrompt);
    }

    /** Shows the shot; nothing is sent when it is what the header already shows. */
    void show(ShotReview review) {
        var details = review.shot();
        if (details.equals(shown)) {
            return;
        }
        InPlace.text(title, details.code());
        InPlace.badge(status, details.status().label(), details.status().name().toLowerCase(Locale.ROOT));
        episodeLink.setHref("episodes/" + details.episodeId());
        InPlace.text(episodeLink, review.episodeLabel());
        InPlace.text(facts, " · due " + (details.dueDate() == null ? "–" : details.dueDate())
                + " · assigned to " + (details.assigneeName() == null ? "nobody" : details.assigneeName())
                + " · " + details.frameCount() + " frames at " + details.fps() + " fps");
        InPlace.text(basePrompt, details.basePrompt());
        basePrompt.setTitle(details.basePrompt());   // kept to two lines on screen; the whole of it on hover
        shown = details;
    }

    /** Forgets what was shown, for a page that opens another shot. */
    void clear() {
        shown = null;
    }

    /** The people viewing the shot now, as avatars, with their names on hover. */
    void showViewers(List<Presence.Viewer> now) {
        viewers.setItems(now.stream().map(viewer -> new AvatarGroup.AvatarGroupItem(viewer.name())).toList());
        viewers.getElement().setAttribute("title", "Viewing now: "
                + String.join(", ", now.stream().map(Presence.Viewer::name).toList()));
    }
}

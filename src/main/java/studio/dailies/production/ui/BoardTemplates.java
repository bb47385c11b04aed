package studio.dailies.production.ui;

import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.SerializableConsumer;
import studio.dailies.production.BoardShot;

/**
 * The board grid's cells, drawn in the browser from templates. A row is a few values rather than a tree of server
 * components (a link, a badge, a bar, three buttons with tooltips and a download link), so a page of 50 shots costs
 * the server little to build and to send. The markup, class names, labels and tooltips are those of
 * {@link BoardCells}' components, which the status columns still use. Text is bound as text: Lit escapes it.
 */
final class BoardTemplates {

    /** The approved take of a shot, for editorial ({@code production.TakeDownloads}). */
    static final String TAKE_DOWNLOAD = "deliveries/takes/";

    private BoardTemplates() {
    }

    static LitRenderer<BoardShot> thumbnail() {
        return LitRenderer.<BoardShot>of("""
                ${item.poster ? html`<img class="board-thumb" src=${item.poster} alt=${item.alt} loading="lazy">`
                    : html`<div class="board-thumb-none" title="No takes yet"></div>`}""")
                .withProperty("poster", BoardShot::posterUrl)
                .withProperty("alt", shot -> "Take of " + shot.code());
    }

    static LitRenderer<BoardShot> shotLink() {
        return LitRenderer.<BoardShot>of("<a href=${item.href} router-link>${item.code}</a>")
                .withProperty("href", BoardCells::shotHref)
                .withProperty("code", BoardShot::code);
    }

    static LitRenderer<BoardShot> status() {
        return LitRenderer.<BoardShot>of("""
                ${item.reason ? html`<span class="badge badge-${item.style}" title=${item.reason}
                    aria-description=${item.reason}>${item.label}</span>`
                    : html`<span class="badge badge-${item.style}">${item.label}</span>`}""")
                .withProperty("label", shot -> shot.status().label())
                .withProperty("style", shot -> BoardCells.statusStyle(shot.status()))
                .withProperty("reason", shot -> shot.shot().statusReason());
    }

    static LitRenderer<BoardShot> due() {
        return LitRenderer.<BoardShot>of("""
                ${item.style ? html`<span class=${item.style} title=${item.title}>${item.text}</span>`
                    : html`<span>${item.text}</span>`}""")
                .withProperty("text", BoardCells::dueText)
                .withProperty("style", BoardCells::dueStyle)
                .withProperty("title", BoardCells::dueTitle);
    }

    /** Hidden while the shot has no work in flight; indeterminate while its work has not reported any progress. */
    static LitRenderer<BoardShot> progress() {
        return LitRenderer.<BoardShot>of("""
                <vaadin-progress-bar style="width: 6em" .value=${item.progress == null ? 0 : item.progress}
                    ?indeterminate=${item.progress === 0} ?hidden=${item.progress == null}
                    aria-label=${item.label}></vaadin-progress-bar>""")
                .withProperty("progress", BoardShot::progress)
                .withProperty("label", shot -> "Generating " + shot.code());
    }

    /** What the planning buttons do; each gets the row's shot. */
    record Planning(SerializableConsumer<BoardShot> edit, SerializableConsumer<BoardShot> earlier,
                    SerializableConsumer<BoardShot> later) {
    }

    /** Edit, move earlier, move later (icon buttons with tooltips), and the approved take's download when there is one. */
    static LitRenderer<BoardShot> planning(Planning planning) {
        return LitRenderer.<BoardShot>of("""
                <vaadin-horizontal-layout theme="spacing">
                  <vaadin-button theme="tertiary-inline icon" aria-label=${item.edit} @click=${edit}>
                    <vaadin-icon icon="vaadin:edit" slot="prefix"></vaadin-icon>
                    <vaadin-tooltip slot="tooltip" text=${item.edit}></vaadin-tooltip>
                  </vaadin-button>
                  <vaadin-button theme="tertiary-inline icon" aria-label=${item.earlier} @click=${earlier}>
                    <vaadin-icon icon="vaadin:arrow-up" slot="prefix"></vaadin-icon>
                    <vaadin-tooltip slot="tooltip" text=${item.earlier}></vaadin-tooltip>
                  </vaadin-button>
                  <vaadin-button theme="tertiary-inline icon" aria-label=${item.later} @click=${later}>
                    <vaadin-icon icon="vaadin:arrow-down" slot="prefix"></vaadin-icon>
                    <vaadin-tooltip slot="tooltip" text=${item.later}></vaadin-tooltip>
                  </vaadin-button>
                  ${item.take ? html`<a class="take-download" href=${item.take} download router-ignore
                      aria-label=${item.takeLabel} title="Download the approved take (PNG frames, MP4, manifest)"
                      ><vaadin-icon icon="vaadin:download-alt"></vaadin-icon></a>` : ''}
                </vaadin-horizontal-layout>""")
                .withProperty("edit", shot -> "Edit " + shot.code())
                .withProperty("earlier", shot -> "Move " + shot.code() + " earlier")
                .withProperty("later", shot -> "Move " + shot.code() + " later")
                .withProperty("take", shot -> shot.shot().approvedVariantId() == null ? null
                        : TAKE_DOWNLOAD + shot.shot().approvedVariantId())
                .withProperty("takeLabel", shot -> "Download " + shot.code() + "'s approved take")
                .withFunction("edit", planning.edit())
                .withFunction("earlier", planning.earlier())
                .withFunction("later", planning.later());
    }
}

package studio.dailies.review.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import org.jspecify.annotations.Nullable;
import studio.dailies.media.RgbImage;
import studio.dailies.production.InbetweenRequest;
import studio.dailies.production.KeyTake;

import java.util.List;

/**
 * One key frame of an in-between: a frame of a take, or an uploaded PNG or JPEG. The upload is only held here; the
 * service decides whether it is an image of the right size, and its refusal shows under this picker.
 */
class KeyPicker extends Composite<VerticalLayout> {

    static final String TAKE = "A take's frame";
    static final String IMAGE = "An image";

    final RadioButtonGroup<String> source = new RadioButtonGroup<>();
    final Select<KeyTake> take = new Select<>();
    final IntegerField frame = new IntegerField("Frame");
    final Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> uploaded(metadata.fileName(), data)));
    final Span error = new Span();
    private volatile InbetweenRequest.@Nullable Upload image;

    KeyPicker(String label, List<KeyTake> takes, boolean last) {
        source.setLabel(label);
        source.setItems(TAKE, IMAGE);
        source.setValue(takes.isEmpty() ? IMAGE : TAKE);
        take.setLabel("Take");
        take.setItems(takes);
        take.setItemLabelGenerator(KeyTake::label);
        take.setEmptySelectionAllowed(false);
        take.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                frame.setMax(e.getValue().frames());
                frame.setValue(last ? 1 : e.getValue().frames());
            }
        });
        if (!takes.isEmpty()) {
            take.setValue(takes.getFirst());
        }
        frame.setMin(1);
        frame.setStepButtonsVisible(true);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(RgbImage.MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        error.addClassName("field-error");
        source.addValueChangeListener(e -> showSource());
        getContent().setPadding(false);
        getContent().add(source, take, frame, upload, error);
        showSource();
    }

    /** Called by the upload with the received file (also from tests, which have no browser to upload from). */
    void uploaded(String fileName, byte[] bytes) {
        image = new InbetweenRequest.Upload(fileName, bytes);
    }

    private void showSource() {
        boolean fromTake = TAKE.equals(source.getValue());
        take.setVisible(fromTake);
        frame.setVisible(fromTake);
        upload.setVisible(!fromTake);
    }

    /** What the user chose, as the service takes it; null when nothing is chosen yet (the service says so). */
    InbetweenRequest.@Nullable KeySource value() {
        if (TAKE.equals(source.getValue())) {
            var chosen = take.getValue();
            return chosen == null ? null
                    : new InbetweenRequest.TakeFrame(chosen.variantId(), frame.getValue() == null ? -1 : frame.getValue() - 1);
        }
        return image;
    }

    void showError(@Nullable String message) {
        error.setText(message == null ? "" : message);
        take.setInvalid(message != null && take.isVisible());
    }
}

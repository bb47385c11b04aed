package studio.dailies.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;

import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates as every field and grid shows them: ISO ({@code 2027-02-15}), the one format that reads the same in every
 * studio. A date field also accepts the user's own short format (from the browser's language); anything it
 * cannot read is refused on the field, never saved as empty.
 */
public final class DateFields {

    public static final String ISO = "yyyy-MM-dd";
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private DateFields() {
    }

    public static DatePicker create(String label) {
        var field = new DatePicker(label);
        var locale = Optional.ofNullable(UI.getCurrent()).map(UI::getLocale).orElse(Locale.getDefault());
        var formats = new LinkedHashSet<String>();
        localPattern(locale).ifPresent(formats::add);
        formats.remove(ISO);
        var i18n = new DatePicker.DatePickerI18n()
                .setDateFormats(ISO, formats.toArray(String[]::new))
                .setBadInputErrorMessage("Enter a date like " + LocalDate.now().plusMonths(2).withDayOfMonth(15)
                        + localExample(locale).map(example -> " or " + example).orElse(""))
                .setFirstDayOfWeek(1);
        field.setI18n(i18n);
        field.setPlaceholder(ISO.toUpperCase(Locale.ROOT));
        field.setHelperText("e.g. " + LocalDate.now().plusMonths(2).withDayOfMonth(15));
        return field;
    }

    /** How grids and texts show a date. */
    public static String format(LocalDate date) {
        return date == null ? "" : DISPLAY.format(date);
    }

    /** The locale's short date pattern in the date picker's notation, with full years. */
    static Optional<String> localPattern(Locale locale) {
        var pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        // The picker knows d, dd, M, MM, yy and yyyy; a pattern with anything else (month names, eras) is skipped.
        var normalised = pattern.replaceAll("y+", "yyyy").replaceAll("u+", "yyyy");
        if (!normalised.matches("[dMy./\\- ]+") || !normalised.contains("d") || !normalised.contains("M")) {
            return Optional.empty();
        }
        return Optional.of(normalised.strip());
    }

    private static Optional<String> localExample(Locale locale) {
        return localPattern(locale).filter(p -> !p.equals(ISO)).map(p -> DateTimeFormatter.ofPattern(p, locale)
                .format(LocalDate.now().plusMonths(2).withDayOfMonth(15)));
    }
}

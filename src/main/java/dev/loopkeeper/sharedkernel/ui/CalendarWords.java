package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A date picker's calendar in the user's language: Vaadin formats the date in the field by the UI's locale, but
 * names months and weekdays in English unless told; the week starts on the language's first day (Monday in German
 * and Spanish).
 */
public final class CalendarWords {

    private CalendarWords() {}

    public static DatePicker localized(DatePicker picker) {
        picker.setI18n(of(Times.locale()));
        return picker;
    }

    public static DateTimePicker localized(DateTimePicker picker) {
        picker.setDatePickerI18n(of(Times.locale()));
        return picker;
    }

    static DatePicker.DatePickerI18n of(Locale language) {
        // Vaadin's lists start on Sunday, whatever the first day of the week
        List<DayOfWeek> sundayFirst = List.of(
                DayOfWeek.SUNDAY,
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY,
                DayOfWeek.SATURDAY);
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values())
                        .map(month -> capitalized(month.getDisplayName(TextStyle.FULL_STANDALONE, language), language))
                        .toList())
                .setWeekdays(sundayFirst.stream()
                        .map(day -> capitalized(day.getDisplayName(TextStyle.FULL, language), language))
                        .toList())
                .setWeekdaysShort(sundayFirst.stream()
                        .map(day -> capitalized(day.getDisplayName(TextStyle.SHORT, language), language))
                        .toList())
                .setFirstDayOfWeek(
                        WeekFields.of(typical(language)).getFirstDayOfWeek().getValue() % 7)
                .setToday(I18NProvider.translate(language, "sharedkernel.calendar.today"))
                .setCancel(I18NProvider.translate(language, "sharedkernel.calendar.cancel"));
    }

    /** The country whose calendar a language's users most likely keep: the UI's locale names no country. */
    private static Locale typical(Locale language) {
        return switch (language.getLanguage()) {
            case "de" -> Locale.GERMANY;
            case "es" -> new Locale("es", "ES");
            default -> Locale.US;
        };
    }

    private static String capitalized(String word, Locale language) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(language) + word.substring(1);
    }
}

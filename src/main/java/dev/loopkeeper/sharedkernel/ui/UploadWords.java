package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;

/** An upload's own words (its button, drop hint, errors and progress) in the user's language; Vaadin has English. */
public final class UploadWords {

    private UploadWords() {}

    public static Upload localized(Upload upload) {
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(say("add-one")).setMany(say("add-many")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(say("drop-one")).setMany(say("drop-many")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(say("too-many"))
                        .setFileIsTooBig(say("too-big"))
                        .setIncorrectFileType(say("wrong-type")))
                .setFile(new UploadI18N.File()
                        .setRetry(say("retry"))
                        .setStart(say("start"))
                        .setRemove(say("remove")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status()
                                .setConnecting(say("connecting"))
                                .setStalled(say("stalled"))
                                .setProcessing(say("processing"))
                                .setHeld(say("held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(say("remaining"))
                                .setUnknown(say("remaining-unknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(say("server-unavailable"))
                                .setUnexpectedServerError(say("server-error"))
                                .setForbidden(say("forbidden"))))
                .setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        return upload;
    }

    private static String say(String key) {
        return I18NProvider.translate("sharedkernel.upload." + key);
    }
}

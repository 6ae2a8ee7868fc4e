package com.peptalk.automation.recipients;

import com.peptalk.events.comms.Channel;
import com.peptalk.web.text.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Locale;

/**
 * {@code POST} and {@code PUT /api/automation/contacts}, and one row of a CSV import. {@code phone} is E.164
 * ({@code +15005550006}); at least one of {@code email} and {@code phone}; {@code roles} such as {@code site_manager};
 * {@code preferredChannel} defaults to EMAIL, {@code locale} to {@code en}, opt-ins to email yes, SMS no (SMS needs
 * consent); {@code timeZone} is an IANA zone, absent for "the project's".
 */
@ReachableSomehow
record ContactRequest(@NotNull @Positive Long companyId, @NotNull @PlainText @Size(min = 1, max = 200) String name,
        @Email @Size(max = 254) String email, @E164 String phone,
        @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,49}") String> roles,
        @NotEmpty @Size(max = 1000) List<@NotNull @Positive Long> projectIds, Channel preferredChannel,
        @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*") String locale, @IanaZone String timeZone,
        Boolean emailOptIn, Boolean smsOptIn) {

    ContactFields normalised() {
        return new ContactFields(companyId, name.strip(), email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT),
                phone == null || phone.isBlank() ? null : PhoneNumbers.e164(phone),
                roles.stream().distinct().sorted().toList(), projectIds.stream().distinct().sorted().toList(),
                preferredChannel == null ? Channel.EMAIL : preferredChannel, locale == null ? "en" : locale,
                timeZone, emailOptIn == null || emailOptIn, smsOptIn != null && smsOptIn);
    }
}

package com.peptalk.token.directory;

import com.peptalk.web.text.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /api/directory/users/{id}}: the user's whole editable state. {@code deactivated} is the same as
 * {@code DELETE}. A user never changes company.
 */
public record UpdateUser(@NotNull @PlainText @Size(max = 200) String name,
        @NotNull @PlainText @Size(max = 254) @Email(regexp = UserView.EMAIL_WITH_DOMAIN) String email,
        @NotNull @Pattern(regexp = UserView.ROLE) String role,
        @NotNull @Pattern(regexp = "active|deactivated") String status) {
}

package com.peptalk.token.directory;

import com.peptalk.web.text.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/directory/users}: a new user starts active; {@code role} defaults to {@code member}. The email
 * must be unique in the company whatever its case.
 */
public record CreateUser(@NotNull @Positive Long companyId, @NotNull @PlainText @Size(max = 200) String name,
        @NotNull @PlainText @Size(max = 254) @Email(regexp = UserView.EMAIL_WITH_DOMAIN) String email,
        @Pattern(regexp = UserView.ROLE) String role) {
}

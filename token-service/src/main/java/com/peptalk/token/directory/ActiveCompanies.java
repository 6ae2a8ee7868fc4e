package com.peptalk.token.directory;

import com.peptalk.token.refusals.ConflictException;
import com.peptalk.token.refusals.UnknownIdsException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The rule that only an active company gets new or revived projects, groups and users. The company row is
 * share-locked until the caller's transaction ends, so archiving the company (which takes it for update and
 * archives what it owns) cannot interleave and leave a live project in an archived company.
 */
@Component
class ActiveCompanies {

    private final CompanyRepository companies;

    ActiveCompanies(CompanyRepository companies) {
        this.companies = companies;
    }

    /** Checks the company named by a request's {@code companyId}: unknown is 422, archived is 409. */
    void require(long companyId) {
        Company company = companies.findForShareById(companyId)
                .orElseThrow(() -> new UnknownIdsException("companyId", List.of(companyId)));
        if (company.archived()) {
            throw new ConflictException("company " + companyId + " is archived");
        }
    }
}

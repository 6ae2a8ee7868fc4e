package com.peptalk.token.directory;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;

import java.util.Optional;

interface CompanyRepository extends JpaRepository<Company, Long>, JpaSpecificationExecutor<Company> {

    /** The company taken for update: its projects, groups and users wait while it is archived. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Company> findForUpdateById(long id);

    /** The company share-locked until the transaction ends (see {@link ActiveCompanies}). */
    @Lock(LockModeType.PESSIMISTIC_READ)
    Optional<Company> findForShareById(long id);

    Optional<Company> findByIdAndStatus(long id, String status);
}

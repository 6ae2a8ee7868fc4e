package com.peptalk.token.directory;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface ProjectRepository extends JpaRepository<Project, Long>, JpaSpecificationExecutor<Project> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Project> findForUpdateById(long id);

    /** Only the company id, so the project is not loaded (and cached unlocked) before it is locked. */
    @Query("select p.companyId from Project p where p.id = :id")
    Optional<Long> findCompanyIdById(long id);

    @Query("select p.id from Project p where p.companyId = :companyId and p.id in :ids")
    List<Long> findIdsOfCompany(long companyId, Collection<Long> ids);

    /** Part of archiving a company, which holds the company for update. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<Project> findByCompanyIdAndStatusNotOrderById(long companyId, String status);
}

package com.peptalk.token.directory;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface UserRepository extends JpaRepository<User, Long>, JpaSpecificationExecutor<User> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<User> findForUpdateById(long id);

    /** Only the company id, so the user is not loaded (and cached unlocked) before it is locked. */
    @Query("select u.companyId from User u where u.id = :id")
    Optional<Long> findCompanyIdById(long id);

    Optional<User> findByIdAndStatus(long id, String status);

    /** Part of archiving a company, which holds the company for update. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<User> findByCompanyIdAndStatusNotOrderById(long companyId, String status);
}

package com.peptalk.token.directory;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface ProjectGroupRepository extends JpaRepository<ProjectGroup, Long>, JpaSpecificationExecutor<ProjectGroup> {

    /** Every change of a group takes its row first; the membership is read after it, so it cannot change under us. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<ProjectGroup> findForUpdateById(long id);

    /** In id order, so two batches over overlapping groups lock them in the same order and never deadlock. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<ProjectGroup> findForUpdateByIdInOrderById(Collection<Long> ids);
}

package com.peptalk.token.tokens;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ApiTokenRepository extends JpaRepository<ApiToken, UUID>, JpaSpecificationExecutor<ApiToken> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<ApiToken> findForUpdateById(UUID id);

    boolean existsByResourceTypeAndResourceIdAndStatus(String resourceType, long resourceId, String status);

    Optional<ApiToken> findByResourceTypeAndResourceIdAndStatus(String resourceType, long resourceId, String status);

    List<ApiToken> findByResourceTypeAndResourceIdInAndStatus(String resourceType, Collection<Long> resourceIds,
            String status);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<ApiToken> findForUpdateByResourceTypeAndResourceIdAndStatusNot(String resourceType, long resourceId,
            String status);
}

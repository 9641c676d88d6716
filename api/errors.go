package api

import (
	"database/sql/driver"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgconn"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"google.golang.org/grpc/codes"

	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/workflows"
)

// apiError is an error the API shows the caller: an HTTP status, a stable
// code and a message in Chinese with English.
type apiError struct {
	status  int
	code    string
	message string
}

func (e *apiError) Error() string { return e.code + ": " + e.message }

func newError(status int, code, zh, en string) *apiError {
	return &apiError{status: status, code: code, message: zh + " / " + en}
}

var (
	errUnauthenticated = newError(http.StatusUnauthorized, "unauthenticated", "请先登录，或登录已过期", "log in first, or your login has expired")
	errForbidden       = newError(http.StatusForbidden, "forbidden", "您无权办理此事项", "you are not allowed to do this")
	errCaseNotFound    = newError(http.StatusNotFound, "case_not_found", "案件不存在", "no such case")
	errUnknownAct      = newError(http.StatusNotFound, "unknown_act", "没有这种执法行为", "no such act")
	errCaseClosed      = newError(http.StatusConflict, "case_closed", "案件已办结，不能再办理", "the case is closed")
	errInternal        = newError(http.StatusInternalServerError, "internal", "系统内部错误，请稍后再试", "internal error, try again later")
	errUnavailable     = newError(http.StatusServiceUnavailable, "unavailable", "流程引擎暂时没有响应，请稍后用同一 Idempotency-Key 重试", "the workflow engine did not answer in time; retry later with the same Idempotency-Key")
	errDatabaseDown    = newError(http.StatusServiceUnavailable, "unavailable", "数据库暂时无法连接，请稍后用同一 Idempotency-Key 重试", "the database cannot be reached; retry later with the same Idempotency-Key")
)

func badRequest(zh, en string) *apiError {
	return newError(http.StatusBadRequest, "bad_request", zh, en)
}

func invalid(zh, en string) *apiError {
	return newError(http.StatusUnprocessableEntity, "invalid_input", zh, en)
}

// rejectionStatus maps a workflow's rejection code to an HTTP status.
var rejectionStatus = map[string]int{
	workflows.CodeWrongStep:           http.StatusConflict,
	workflows.CodeWindowClosed:        http.StatusConflict,
	workflows.CodeWindowOpen:          http.StatusConflict,
	workflows.CodeReviewRequired:      http.StatusConflict,
	workflows.CodeNotOnCase:           http.StatusForbidden,
	workflows.CodeSeparationOfDuties:  http.StatusForbidden,
	workflows.CodeInvalidInput:        http.StatusUnprocessableEntity,
	workflows.CodeCalendarMissing:     http.StatusUnprocessableEntity,
	workflows.CodeRecused:             http.StatusForbidden,
	workflows.CodeNoCertificate:       http.StatusForbidden,
	workflows.CodeRecordRefused:       http.StatusUnprocessableEntity,
	workflows.CodeNoHearingRight:      http.StatusConflict,
	workflows.CodeHearingPending:      http.StatusConflict,
	workflows.CodeCollectiveRequired:  http.StatusConflict,
	workflows.CodeReviewerUnqualified: http.StatusForbidden,
	workflows.CodeLateEntryRefused:    http.StatusConflict,
}

// retryAfterUnavailable is the Retry-After of a 503: long enough for a
// restarting engine, short enough for a person waiting at the screen.
const retryAfterUnavailable = 5 * time.Second

// fail writes err as the response. Everything the caller did wrong is a 4xx
// with a stable code; anything unexpected is a 500 with a generic message and
// the detail in the log only.
func fail(c *gin.Context, err error) {
	var ae *apiError
	switch {
	case bodyExceeded(c):
		// Whatever the handler made of a body cut off at its limit, the
		// answer is that it was too large.
		ae = errBodyTooLarge
	case errors.As(err, &ae):
	case rejectionStatus[workflows.RejectionCode(err)] != 0:
		// Only the workflow's own rejection codes reach the caller; any other
		// application error is unexpected and falls through to a 500.
		code := workflows.RejectionCode(err)
		ae = &apiError{status: rejectionStatus[code], code: code, message: rejectionMessage(err)}
	case errors.Is(err, store.ErrNotFound):
		ae = errCaseNotFound
	default:
		var nf *serviceerror.NotFound
		switch {
		case errors.As(err, &nf):
			ae = errCaseClosed
		case databaseDown(err):
			// Before notAnswered: a query cut off by its deadline is the
			// database's outage, not the engine's.
			slog.Warn("database unreachable", "method", c.Request.Method, "path", c.FullPath(), "err", err)
			ae = errDatabaseDown
		case notAnswered(err):
			// Nothing was accepted that the caller cannot repeat: a retry with
			// the same Idempotency-Key performs the act at most once.
			slog.Warn("workflow engine did not answer", "method", c.Request.Method, "path", c.FullPath(), "err", err)
			ae = errUnavailable
		default:
			slog.Error("request failed", "method", c.Request.Method, "path", c.FullPath(), "err", err)
			ae = errInternal
		}
	}
	if ae.status == http.StatusServiceUnavailable {
		c.Header("Retry-After", strconv.Itoa(int(retryAfterUnavailable/time.Second)))
	}
	c.AbortWithStatusJSON(ae.status, gin.H{"error": gin.H{"code": ae.code, "message": ae.message}})
}

// notAnswered tells whether err says the workflow engine did not answer in
// time, was unreachable, shed the load, or the wait was cancelled: the
// caller may retry. The SDK reports these as service errors, gRPC statuses,
// context errors or, for an update, a timeout-or-cancelled error around any
// of them.
func notAnswered(err error) bool {
	var updateTimeout *client.WorkflowUpdateServiceTimeoutOrCanceledError
	if errors.As(err, &updateTimeout) {
		return true
	}
	// ToStatus finds a service error or gRPC status anywhere in the chain,
	// and maps context.DeadlineExceeded and context.Canceled too.
	switch serviceerror.ToStatus(err).Code() {
	case codes.DeadlineExceeded, codes.Unavailable, codes.Canceled, codes.ResourceExhausted:
		return true
	}
	return false
}

// databaseDown tells whether err says the database could not be reached or
// dropped the connection: the dial failed or timed out, the connection broke
// in the middle of a query, or the server is shutting down or refusing
// connections. These pass when the database is back; the request may be
// repeated.
func databaseDown(err error) bool {
	var connect *pgconn.ConnectError
	// Not net.Error: context.DeadlineExceeded is one, and the engine's
	// timeouts are reported with it.
	var netErr *net.OpError
	// pgconn's own connection failures (cannot write, cannot receive, conn
	// closed, a timeout) say whether a retry is safe; a server's answer does not.
	var connFailure interface{ SafeToRetry() bool }
	var pgErr *pgconn.PgError
	switch {
	case errors.As(err, &connect), errors.Is(err, driver.ErrBadConn), errors.As(err, &netErr),
		errors.As(err, &connFailure):
		return true
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		// pgx returns a connection closed under a query as a bare EOF.
		// Request bodies are read and their errors mapped before (body.go,
		// evidence.go): an EOF that reaches here is the database's.
		return true
	case errors.As(err, &pgErr):
		// Class 08: connection exception; 57P01–57P03: the server is shutting
		// down or starting; 53300: too many connections.
		return strings.HasPrefix(pgErr.Code, "08") || pgErr.Code == "57P01" || pgErr.Code == "57P02" ||
			pgErr.Code == "57P03" || pgErr.Code == "53300"
	}
	return false
}

// rejectionMessage is the validator's own words.
func rejectionMessage(err error) string {
	var appErr *temporal.ApplicationError
	if errors.As(err, &appErr) {
		return appErr.Message()
	}
	return err.Error()
}

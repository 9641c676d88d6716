package api

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
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

// rejectionMessage is the validator's own words.
func rejectionMessage(err error) string {
	var appErr *temporal.ApplicationError
	if errors.As(err, &appErr) {
		return appErr.Message()
	}
	return err.Error()
}

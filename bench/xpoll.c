/*
 * xpoll: watches the X screen from outside the program under test (bench/run.sh).
 *
 *   xpoll watch INTERVAL_MS   every INTERVAL_MS, read the whole root window
 *                             (XGetImage) and print one line per capture:
 *                             "END_NS CAPTURE_US HASH", END_NS the CLOCK_REALTIME
 *                             time the capture had returned, CAPTURE_US how long
 *                             it took, HASH a 64-bit hash of every pixel's RGB
 *                             (hashing takes about as long again).
 *                             Runs until SIGTERM/SIGINT.
 *   xpoll snap FILE.ppm       one capture, written as a binary PPM; prints
 *                             "HASH DISTINCT" (DISTINCT: 1 when every pixel has
 *                             the same colour, 2 otherwise).
 *
 * Two screens are the same screen when their hashes are equal. Captures go
 * through MIT-SHM when the server has it (Xvfb does): the pixels land in
 * shared memory instead of crossing the socket, which keeps a capture short and
 * cheap for the server. Built by bench/run.sh with:
 *   cc -O2 -o xpoll xpoll.c -lX11 -lXext
 */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static volatile sig_atomic_t stop;

static void on_signal(int sig) {
	(void)sig;
	stop = 1;
}

static int64_t now_ns(clockid_t clock) {
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* pixel returns the RGB of (x, y) as 0xRRGGBB. */
static uint32_t pixel(XImage *img, int x, int y) {
	if (img->bits_per_pixel == 32) {
		uint32_t p = *(uint32_t *)(img->data + (size_t)y * img->bytes_per_line + (size_t)x * 4);
		return p & 0xffffff;
	}
	return (uint32_t)XGetPixel(img, x, y) & 0xffffff;
}

/* hash is FNV-1a over every pixel's RGB: two pixels (one 64-bit word) a step when
 * pixels are 32 bits, one pixel a step otherwise. distinct is 1 when every pixel
 * has the colour of the first, 2 otherwise. */
static uint64_t hash(XImage *img, int *distinct) {
	uint64_t h = 14695981039346656037ULL;
	uint32_t first = pixel(img, 0, 0);
	int same = 1;
	if (img->bits_per_pixel == 32 && img->width % 2 == 0) {
		const uint64_t mask = 0x00ffffff00ffffffULL, pair = ((uint64_t)first << 32) | first;
		for (int y = 0; y < img->height; y++) {
			const char *row = img->data + (size_t)y * img->bytes_per_line;
			for (int x = 0; x < img->width; x += 2) {
				uint64_t p;
				memcpy(&p, row + (size_t)x * 4, sizeof p);
				p &= mask;
				same &= p == pair;
				h = (h ^ p) * 1099511628211ULL;
			}
		}
	} else {
		for (int y = 0; y < img->height; y++) {
			for (int x = 0; x < img->width; x++) {
				uint32_t p = pixel(img, x, y);
				same &= p == first;
				h = (h ^ p) * 1099511628211ULL;
			}
		}
	}
	*distinct = same ? 1 : 2;
	return h;
}

/* The shared-memory image, when MIT-SHM works; NULL: plain XGetImage. */
static XImage *shm_img;
static XShmSegmentInfo shm_info;

static void shm_setup(Display *d, int w, int h) {
	if (!XShmQueryExtension(d)) {
		return;
	}
	int screen = DefaultScreen(d);
	XImage *img = XShmCreateImage(d, DefaultVisual(d, screen), (unsigned)DefaultDepth(d, screen), ZPixmap, NULL,
	                              &shm_info, (unsigned)w, (unsigned)h);
	if (img == NULL) {
		return;
	}
	shm_info.shmid = shmget(IPC_PRIVATE, (size_t)img->bytes_per_line * (size_t)img->height, IPC_CREAT | 0600);
	if (shm_info.shmid < 0) {
		XDestroyImage(img);
		return;
	}
	shm_info.shmaddr = img->data = shmat(shm_info.shmid, NULL, 0);
	shm_info.readOnly = False;
	/* Marked for removal now: it goes away with the last detach, even on a crash. */
	shmctl(shm_info.shmid, IPC_RMID, NULL);
	if (img->data == (char *)-1 || !XShmAttach(d, &shm_info)) {
		XDestroyImage(img);
		return;
	}
	XSync(d, False);
	shm_img = img;
}

/* capture reads the root window; release gives back what capture returned. */
static XImage *capture(Display *d, Window root, int w, int h) {
	if (shm_img != NULL) {
		return XShmGetImage(d, root, shm_img, 0, 0, AllPlanes) ? shm_img : NULL;
	}
	return XGetImage(d, root, 0, 0, (unsigned)w, (unsigned)h, AllPlanes, ZPixmap);
}

static void release(XImage *img) {
	if (img != shm_img) {
		XDestroyImage(img);
	}
}

static int watch(Display *d, Window root, int w, int h, long interval_ms) {
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	int64_t next = now_ns(CLOCK_MONOTONIC);
	while (!stop) {
		int64_t started = now_ns(CLOCK_MONOTONIC);
		XImage *img = capture(d, root, w, h);
		int64_t done = now_ns(CLOCK_MONOTONIC);
		int64_t done_real = now_ns(CLOCK_REALTIME);
		if (img == NULL) {
			fprintf(stderr, "xpoll: XGetImage failed\n");
			return 1;
		}
		int distinct;
		uint64_t hv = hash(img, &distinct);
		release(img);
		printf("%lld %lld %016llx\n", (long long)done_real, (long long)((done - started) / 1000),
		       (unsigned long long)hv);
		fflush(stdout);
		next += interval_ms * 1000000;
		int64_t wait = next - now_ns(CLOCK_MONOTONIC);
		if (wait < 0) {
			next = now_ns(CLOCK_MONOTONIC); /* late: start the next one now */
			continue;
		}
		struct timespec ts = {.tv_sec = wait / 1000000000, .tv_nsec = wait % 1000000000};
		while (nanosleep(&ts, &ts) != 0 && errno == EINTR && !stop) {
		}
	}
	return 0;
}

static int snap(Display *d, Window root, int w, int h, const char *path) {
	XImage *img = capture(d, root, w, h);
	if (img == NULL) {
		fprintf(stderr, "xpoll: XGetImage failed\n");
		return 1;
	}
	FILE *f = fopen(path, "wb");
	if (f == NULL) {
		perror(path);
		return 1;
	}
	fprintf(f, "P6\n%d %d\n255\n", w, h);
	for (int y = 0; y < h; y++) {
		for (int x = 0; x < w; x++) {
			uint32_t p = pixel(img, x, y);
			unsigned char rgb[3] = {(unsigned char)(p >> 16), (unsigned char)(p >> 8), (unsigned char)p};
			fwrite(rgb, 1, 3, f);
		}
	}
	if (fclose(f) != 0) {
		perror(path);
		return 1;
	}
	int distinct;
	uint64_t hv = hash(img, &distinct);
	release(img);
	printf("%016llx %d\n", (unsigned long long)hv, distinct);
	return 0;
}

int main(int argc, char **argv) {
	if (argc != 3 || (strcmp(argv[1], "watch") != 0 && strcmp(argv[1], "snap") != 0)) {
		fprintf(stderr, "usage: xpoll watch INTERVAL_MS | xpoll snap FILE.ppm\n");
		return 2;
	}
	Display *d = XOpenDisplay(NULL);
	if (d == NULL) {
		fprintf(stderr, "xpoll: cannot open display %s\n", getenv("DISPLAY") ? getenv("DISPLAY") : "(unset)");
		return 1;
	}
	Window root = DefaultRootWindow(d);
	XWindowAttributes attrs;
	XGetWindowAttributes(d, root, &attrs);
	shm_setup(d, attrs.width, attrs.height);
	int rc;
	if (strcmp(argv[1], "watch") == 0) {
		long interval = strtol(argv[2], NULL, 10);
		if (interval <= 0) {
			fprintf(stderr, "xpoll: bad interval %s\n", argv[2]);
			return 2;
		}
		rc = watch(d, root, attrs.width, attrs.height, interval);
	} else {
		rc = snap(d, root, attrs.width, attrs.height, argv[2]);
	}
	XCloseDisplay(d);
	return rc;
}
